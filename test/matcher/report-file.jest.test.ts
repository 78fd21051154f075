import { afterAll, describe, expect, it } from '@jest/globals';
import { reportFileSpec } from './report-file-spec.js';

reportFileSpec({ describe, it, afterAll, expect }, 'report-file.jest.test');
