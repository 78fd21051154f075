import { afterAll, describe, expect, it } from 'vitest';
import { reportFileSpec } from './report-file-spec.js';

reportFileSpec({ describe, it, afterAll, expect }, 'report-file.vitest.test');
