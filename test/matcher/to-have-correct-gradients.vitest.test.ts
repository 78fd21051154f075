import { describe, expect, it } from 'vitest';
import { matcherSpec } from './matcher-spec.js';

matcherSpec({ describe, it, expect });
