/** A parameter's shape seen as a grid. */
export interface Grid {
  readonly rows: number;
  readonly columns: number;
}

/** The rows and columns of a matrix parameter; undefined for vectors and scalars. */
export function gridOf(shape: readonly number[]): Grid | undefined {
  const [rows, columns] = shape;
  return shape.length === 2 && rows !== undefined && columns !== undefined ? { rows, columns } : undefined;
}
