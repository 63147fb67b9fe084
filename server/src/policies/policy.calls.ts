// The programme's telephone lines and the online services that are calls rather than bookings
// (000 四 线上服务表: 紧急救援, 联络紧急联络人, 定位查询 are placed by the platform on a call, 24 小时).
// Optional, so a programme without a hotline validates as before; every line cites its clause, and
// a number the source does not print is marked `assumed` with a note.
import { z } from 'zod';
import { source, code, assumed } from './policy.parts.js';

/** What a tap on an online service does instead of ordering it. */
export const HELP_PURPOSES = ['SOS', 'FAMILY', 'LOCATE'] as const;
export type HelpPurpose = (typeof HELP_PURPOSES)[number];

export const callsSchema = z
  .object({
    lines: z
      .array(
        z
          .object({
            /** CALL_CENTRE: the programme's platform or call centre; HOTLINE: a service hotline such as 12349. */
            kind: z.enum(['CALL_CENTRE', 'HOTLINE', 'EMERGENCY']),
            name: z.string().min(1),
            phone: z.string().regex(/^[0-9-]{3,20}$/, 'a phone number is digits and dashes'),
            /** Which help purposes this line answers (an SOS rings the call centre and 120). */
            for: z.array(z.enum(HELP_PURPOSES)).min(1),
            source,
            ...assumed,
          })
          .strict(),
      )
      .min(1),
    /** Online service items that are an action (a call), not an order. */
    actions: z.array(z.object({ itemCode: code, purpose: z.enum(HELP_PURPOSES), source }).strict()).default([]),
  })
  .strict();

export type CallsPolicy = z.infer<typeof callsSchema>;
