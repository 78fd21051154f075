import { describe, expect, it } from '@jest/globals';
import { tfMatcherSpec } from './tf-matcher-spec.js';

tfMatcherSpec({ describe, it, expect });
