import { describe, expect, test } from '@jest/globals';
import { consumerSpec } from './spec';

consumerSpec({ name: 'jest', describe, test, expect });
