// What other areas may use of the exceptions area.
export { detectVisitExceptions } from './exceptions.service.js';
