import { describe, expect, it } from 'vitest';
import { tfMatcherSpec } from './tf-matcher-spec.js';

tfMatcherSpec({ describe, it, expect });
