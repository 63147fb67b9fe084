// Deliberate violation of the boundary rule, to show `npm run lint` fails on it (reverted next).
import { elderScope } from '../elders/elders.service.js';

export const probe = elderScope;
