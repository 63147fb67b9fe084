// What other areas may use of files. Anything not exported here is the area's own.
export { MAX_ATTACHMENT_BYTES, MAX_PHOTO_BYTES, readPhoto, uploadPhoto } from './files.service.js';
