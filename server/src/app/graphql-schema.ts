import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { createPubSub } from '@graphql-yoga/subscription';
import { DateTimeResolver } from 'graphql-scalars';
import { buildSchema } from 'type-graphql';
import { AuthResolver } from '../auth/auth.resolver.js';
import { CatalogueResolver, PolicyResolver } from '../catalogue/catalogue.resolver.js';
import { ElderResolver } from '../elders/elders.resolver.js';
import { FamilyLinkCodeResolver } from '../elders/family-link.resolver.js';
import { ElderRecordsResolver, ExitSuggestionResolver } from '../elders/elder-records.resolver.js';
import {
  ApplicationResolver,
  ApplicationReviewResolver,
  ElderEnrolmentResolver,
  EnrolmentMutations,
  EnrolmentResolver,
  TerminationResolver,
  TerminationReviewResolver,
} from '../enrolment/enrolment.resolver.js';
import { RegionResolver } from '../regions/regions.resolver.js';
import { CanteenResolver } from '../canteens/canteens.resolver.js';
import { CareBedResolver } from '../carebeds/carebeds.resolver.js';
import { VisitAgreementResolver } from '../agreements/agreements.resolver.js';
import { FacilityResolver } from '../facilities/facilities.resolver.js';
import { CentreResolver } from '../facilities/centres.resolver.js';
import { VoucherResolver } from '../vouchers/vouchers.resolver.js';
import { ElderWalletResolver, TopUpResolver, WalletResolver } from '../wallet/wallet.resolver.js';
import { FeedbackResolver, OrderFeedbackResolver } from '../feedback/feedback.resolver.js';
import { NoticeResolver } from '../notices/notices.resolver.js';
import { AlertResolver } from '../alerts/alerts.resolver.js';
import { HelpResolver } from '../alerts/help.resolver.js';
import { HotlineResolver } from '../alerts/hotline.resolver.js';
import { InspectionResolver } from '../facilities/inspections.resolver.js';
import { GoalResolver } from '../goals/goals.resolver.js';
import { MealResolver } from '../canteens/meals.resolver.js';
import { MealSubsidyResolver } from '../facilities/meal-subsidy.resolver.js';
import { TrainingResolver } from '../training/training.resolver.js';
import { SupervisionResolver } from '../supervision/supervision.resolver.js';
import { CreditResolver } from '../credit/credit.resolver.js';
import { DirectoryResolver } from '../directory/directory.resolver.js';
import { AnalysisResolver } from '../analysis/analysis.resolver.js';
import { CallTaskResolver } from '../outreach/outreach.resolver.js';
import { SettlementResolver } from '../settlement/settlement.resolver.js';
import { DashboardResolver } from '../settlement/dashboard.resolver.js';
import { VisitExceptionResolver } from '../exceptions/exceptions.resolver.js';
import { AuditResolver } from '../audit/audit.resolver.js';
import { BotResolver } from '../groupchat/groupchat.resolver.js';
import { BindingCodeResolver } from '../groupchat/binding-code.resolver.js';
import { ElderOrdersResolver, OrderResolver, VisitResolver } from '../orders/orders.resolver.js';
import { OrderRescheduleResolver } from '../orders/reschedule.resolver.js';
import { OrderCaregiverCardResolver } from '../orders/caregiver-card.resolver.js';
import { CaregiverChangeResolver } from '../orders/caregiver-change.resolver.js';
import { RecurringOrdersResolver } from '../orders/recurring.resolver.js';
import { DispatchResolver } from '../orders/dispatch.resolver.js';
import { HomeQrResolver } from '../orders/home-qr.resolver.js';
import { FieldworkResolver, VisitSignatureResolver } from '../orders/fieldwork.resolver.js';
import { CaregiverResolver, ProviderResolver } from '../providers/providers.resolver.js';

// Every resolver class of every area, one per line (add yours in its area's group).
export const resolvers = [
  AuthResolver,
  RegionResolver,
  CatalogueResolver,
  PolicyResolver,
  ElderResolver,
  FamilyLinkCodeResolver,
  ElderRecordsResolver,
  ExitSuggestionResolver,
  ElderEnrolmentResolver,
  EnrolmentResolver,
  ApplicationResolver,
  ApplicationReviewResolver,
  EnrolmentMutations,
  TerminationResolver,
  TerminationReviewResolver,
  WalletResolver,
  ElderWalletResolver,
  TopUpResolver,
  OrderResolver,
  OrderRescheduleResolver,
  RecurringOrdersResolver,
  OrderCaregiverCardResolver,
  CaregiverChangeResolver,
  ElderOrdersResolver,
  VisitResolver,
  DispatchResolver,
  HomeQrResolver,
  FieldworkResolver,
  VisitSignatureResolver,
  CanteenResolver,
  CareBedResolver,
  VisitAgreementResolver,
  FacilityResolver,
  CentreResolver,
  VoucherResolver,
  ProviderResolver,
  CaregiverResolver,
  FeedbackResolver,
  OrderFeedbackResolver,
  NoticeResolver,
  AlertResolver,
  HelpResolver,
  HotlineResolver,
  InspectionResolver,
  GoalResolver,
  MealResolver,
  MealSubsidyResolver,
  TrainingResolver,
  SupervisionResolver,
  CreditResolver,
  DirectoryResolver,
  AnalysisResolver,
  CallTaskResolver,
  SettlementResolver,
  DashboardResolver,
  VisitExceptionResolver,
  AuditResolver,
  BotResolver,
  BindingCodeResolver,
] as const;

let built: Promise<GraphQLSchema> | undefined;

/** The executable schema; built once per process (type-graphql metadata is global). */
export function getSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers: [...resolvers],
    // type-graphql 2 runs no class-validator checks unless `validate` is set.
    validate: { forbidUnknownValues: false },
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    // Subscriptions subscribe through each app's own AlertBus (context.app.alertBus), so one
    // process can host several instances; type-graphql still insists on a pubSub being present.
    pubSub: createPubSub(),
  });
  return built;
}

/** The SDL checked in at schema/schema.graphql, sorted so it diffs cleanly. */
export async function printSdl(): Promise<string> {
  return printSchema(lexicographicSortSchema(await getSchema())) + '\n';
}
