// The business week the derived-property tests assume unless a case says otherwise.
import type { BusinessHours } from '../../src/core/index.ts';

/** Monday to Friday, 09:00 to 17:00 local time. */
export const weekdays9to17: BusinessHours['week'] = {
  mon: [['09:00', '17:00']],
  tue: [['09:00', '17:00']],
  wed: [['09:00', '17:00']],
  thu: [['09:00', '17:00']],
  fri: [['09:00', '17:00']],
};
