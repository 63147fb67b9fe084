import { FieldResolver, Resolver, Root } from 'type-graphql';
import { qrDataUrl } from '../common/qr.js';
import { FamilyLinkCode } from './elders.types.js';

@Resolver(() => FamilyLinkCode)
export class FamilyLinkCodeResolver {
  @FieldResolver(() => String, { description: '关联码的二维码（PNG data URL，内容为关联码本身），给家属扫码或拍照' })
  async qrDataUrl(@Root() link: FamilyLinkCode) {
    return qrDataUrl(link.code);
  }
}
