/**
 * A business-hours property (a span or an SLA counted in business hours) asked for with no business
 * hours in the context: the host has to give its schedule. `property` names the property asked for.
 */
export class MissingBusinessHoursError extends RangeError {
  override name = 'MissingBusinessHoursError';
  constructor(readonly property: string) {
    super(`"${property}" counts business hours: give the context business hours (context.businessHours).`);
  }
}

/** A measure the engine cannot compute: an aggregate over a property that is not numeric. */
export class InvalidMeasureError extends Error {
  override name = 'InvalidMeasureError';
}
