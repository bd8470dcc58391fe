/** A field of one record that failed a check on a columnar page, and why. */
export interface RowProblem {
  field: string;
  message: string;
}

/** The rows of a page that failed a check, each with every problem found. */
export class RowProblems {
  readonly byRow = new Map<number, RowProblem[]>();
  add(row: number, field: string, message: string): void {
    const list = this.byRow.get(row);
    if (list) list.push({ field, message });
    else this.byRow.set(row, [{ field, message }]);
  }
}
