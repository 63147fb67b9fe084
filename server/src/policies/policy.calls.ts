// The programme's telephone lines and the online services that are calls rather than bookings
// (000 四 线上服务表: 紧急救援, 联络紧急联络人, 定位查询 are placed by the platform on a call, 24 小时).
// Optional, so a programme without a hotline validates as before; every line cites its clause, and
// a number the source does not print is marked `assumed` with a note.
import { z } from 'zod';
import { source, code, assumed } from './policy.parts.js';

/** What a tap on an online service does instead of ordering it. */
export const HELP_PURPOSES = ['SOS', 'FAMILY', 'LOCATE'] as const;
export type HelpPurpose = (typeof HELP_PURPOSES)[number];
/** The levels of a hotline network (003 三(三): 市、县（市、区）、乡（街道）、村（社区）四级). */
export const HOTLINE_LEVELS = ['CITY', 'COUNTY', 'STREET', 'COMMUNITY'] as const;
export type HotlineLevel = (typeof HOTLINE_LEVELS)[number];

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
    /**
     * The programme's one service hotline (003 二(二)2 12349 服务热线; 三(三) 统一服务受理号码): printed on every
     * notice about an elder of the programme, and answered by operators at each of `levels` within their area.
     */
    hotline: z
      .object({
        phone: z.string().regex(/^[0-9-]{3,20}$/, 'a phone number is digits and dashes'),
        name: z.string().min(1),
        levels: z.array(z.enum(HOTLINE_LEVELS)).min(1),
        source,
        ...assumed,
      })
      .strict()
      .optional(),
  })
  .strict()
  .refine((c) => !c.hotline || c.lines.some((l) => l.kind === 'HOTLINE' && l.phone === c.hotline!.phone), {
    message: 'the hotline must be one of the lines (kind HOTLINE), so the help desk offers it',
  });

export type CallsPolicy = z.infer<typeof callsSchema>;
