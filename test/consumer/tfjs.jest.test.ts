import { describe, expect, test } from '@jest/globals';
import { tfjsSpec } from './tfjs-spec';

tfjsSpec({ name: 'jest', describe, test, expect });
