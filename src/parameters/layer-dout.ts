import { GradcheckError } from '../gradcheck-error.js';
import { formatShape } from '../layout/entry-index.js';
import { type LayerOutput, type OutputPart, sameShape } from './layer-output.js';
import { describeValue, finiteValues, type NumericView, numericView } from './numeric-view.js';

/** One part of dout, named as messages name it (`dout`, or `dh` for output h), beside its view. */
export interface DoutPart {
  readonly name: string;
  /** The key it has in a record dout (`h` or `dh`); the output's own name for a single output. */
  readonly key: string;
  readonly view: NumericView;
}

/**
 * The upstream gradient's parts, one per output part and in its order, or a `GradcheckError`
 * naming what is unusable: dout must have the output's shape (for a record output, a record keyed
 * by output name or `d` + name) and finite entries.
 */
export function readDout(dout: unknown, output: LayerOutput): DoutPart[] {
  if (!output.record) return [doutPart('dout', (output.parts[0] as OutputPart).name, dout, output.parts[0] as OutputPart)];
  if (dout === null || typeof dout !== 'object' || Array.isArray(dout) || ArrayBuffer.isView(dout)) {
    const names = output.parts.map((part) => part.name).join(', ');
    throw new GradcheckError(`dout is ${describeValue(dout)}; forward returns a record of outputs (${names}), so dout must be a record with the same keys.`);
  }
  const record = dout as Record<string, unknown>;
  return output.parts.map((part) => {
    const key = Object.hasOwn(record, part.name) ? part.name : `d${part.name}`;
    if (!Object.hasOwn(record, key)) {
      throw new GradcheckError(`dout has no entry for output ${part.name}: expected a key "${part.name}" or "d${part.name}".`);
    }
    return doutPart(key === part.name ? `dout.${key}` : key, key, record[key], part);
  });
}

function doutPart(name: string, key: string, value: unknown, part: OutputPart): DoutPart {
  const view = numericView(name, value);
  if (!sameShape(view.shape, part.view.shape)) {
    throw new GradcheckError(
      `${name} has shape ${formatShape(view.shape)} but the output ${part.name} has shape ${formatShape(part.view.shape)}; ` +
        'dout must have exactly the output’s shape.',
    );
  }
  finiteValues(name, view);
  return { name, key, view };
}
