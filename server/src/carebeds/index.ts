// What other areas may use of carebeds. Anything not exported here is the area's own.
export { STATUS_LABEL } from './carebeds.service.js';
export { hasAcceptedCareBed } from './carebeds.service.js';
export { ingestDeviceEvent, registerCareBedDevice, signDeviceEvent } from './devices.service.js';
export { publishDeviceAlert } from './devices.publish.js';
export { CARE_BED_REPORTS, writeCareBedReport, type CareBedReport } from './carebeds.reports.js';
export { careBedFormsHtml } from './carebeds.forms.js';
