/** A measure the engine cannot compute: an aggregate over a property that is not numeric. */
export class InvalidMeasureError extends Error {
  override name = 'InvalidMeasureError';
}
