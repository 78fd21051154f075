import { describe, expect, test } from 'vitest';
import { tfjsSpec } from './tfjs-spec';

tfjsSpec({ name: 'vitest', describe, test, expect });
