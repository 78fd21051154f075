import { describe, expect, it } from '@jest/globals';
import { matcherSpec } from './matcher-spec.js';

matcherSpec({ describe, it, expect });
