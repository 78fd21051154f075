import { describe, expect, test } from 'vitest';
import { consumerSpec } from './spec';

consumerSpec({ name: 'vitest', describe, test, expect });
