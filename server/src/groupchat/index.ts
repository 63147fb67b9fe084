// What other areas may use of groupchat, the server side of the community-group bot (bot/ at the
// repository's root). Anything not exported here is the area's own.
export { botCommunityIds } from './groupchat.service.js';
