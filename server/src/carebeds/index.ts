// What other areas may use of carebeds. Anything not exported here is the area's own.
export { STATUS_LABEL } from './carebeds.service.js';
export { hasAcceptedCareBed } from './carebeds.service.js';
export { ingestDeviceEvent, registerCareBedDevice, signDeviceEvent } from './devices.service.js';
export { publishDeviceAlert } from './devices.publish.js';
export { CARE_BED_REPORTS, writeCareBedReport, type CareBedReport } from './carebeds.reports.js';
export { a4Page, careBedFormsHtml, esc } from './carebeds.forms.js';
