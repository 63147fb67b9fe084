// Supervision as data (003 四(三) 开展行业星级评定创建活动，建立健全科学量化的考评机制) and the 10-minute
// service circle (003 二(二)2 努力打造 10 分钟社区服务圈). The source names the star rating and asks for
// quantified criteria but gives none, and it does not say how far ten minutes reach: every figure
// here is the programme's own choice, marked `assumed`.
import { z } from 'zod';
import { source, assumed, code } from './policy.parts.js';
import { FACILITY_KINDS } from './policy.facilities.js';

const points = z.number().int().min(0).max(100);

export const oversightSchema = z
  .object({
    starRating: z
      .object({
        /** A facility's score out of 100: points per 六有 room present, tier compliance, inspections. */
        facility: z
          .object({
            perRoomPresent: points,
            tierCompliant: points,
            /** When no inspection on record has an overdue rectification. */
            noOverdueRectification: points,
            /** Taken off for each inspection whose rectification was late or is overdue. */
            perOverdueRectification: points,
          })
          .strict(),
        /** A provider's score out of 100: its facilities' mean (or `base` without any), less sanctions. */
        provider: z
          .object({
            base: points,
            perPublicCriticism: points,
            perVerifiedComplaint: points,
            /** Only sanctions and complaints within this many months before the rating count. */
            windowMonths: z.number().int().min(1).max(60),
          })
          .strict(),
        /** Stars by minimum score, highest first; the last must start at 0 so every score has a star. */
        stars: z
          .array(z.object({ stars: z.number().int().min(1).max(5), minScore: points }).strict())
          .min(1)
          .refine((s) => s.every((b, i) => i === 0 || b.minScore < s[i - 1]!.minScore), {
            message: 'star bands go from the highest minimum score down',
          })
          .refine((s) => s[s.length - 1]!.minScore === 0, { message: 'the lowest star band starts at 0' }),
        source,
        ...assumed,
      })
      .strict()
      .refine(
        (r) => r.facility.perRoomPresent * 6 + r.facility.tierCompliant + r.facility.noOverdueRectification === 100,
        { message: 'a facility with all six rooms, its tier met and no overdue rectification scores 100' },
      )
      .optional(),
    /** 通报批评 and 取消服务资格 of a provider (003 四(三)): the clause they are recorded under. */
    sanctions: z.object({ source }).strict().optional(),
    /** What the programme awards and to whom (a facility, a provider or a person). */
    awards: z
      .array(
        z
          .object({
            code,
            name: z.string().min(1),
            subject: z.enum(['FACILITY', 'PROVIDER', 'PERSON']),
            facilityKinds: z.array(z.enum(FACILITY_KINDS)).optional(),
            source,
          })
          .strict(),
      )
      .optional(),
    /** The walking distance an elder must be within of an operating facility to count as inside the circle. */
    serviceCircle: z
      .object({
        minutes: z.number().int().min(1).max(60),
        walkMeters: z.number().int().min(100).max(5000),
        source,
        ...assumed,
      })
      .strict()
      .optional(),
  })
  .strict();

export type OversightPolicy = z.infer<typeof oversightSchema>;
