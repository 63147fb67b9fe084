// What other areas may use of bot. Anything not exported here is the area's own.
export { botCommunityIds } from './bot.service.js';
