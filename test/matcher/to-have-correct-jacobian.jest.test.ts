import { describe, expect, it } from '@jest/globals';
import { jacobianMatcherSpec } from './jacobian-matcher-spec.js';

jacobianMatcherSpec({ describe, it, expect });
