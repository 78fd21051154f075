import { describe, expect, it } from 'vitest';
import { jacobianMatcherSpec } from './jacobian-matcher-spec.js';

jacobianMatcherSpec({ describe, it, expect });
