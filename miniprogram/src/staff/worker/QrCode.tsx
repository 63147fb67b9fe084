import { Image, Text, View } from '@tarojs/components';

/** A code as text and as its QR image (drawn by the server, so weapp, H5 and print show the same picture). */
export function QrCode({ label, text, src, hint }: { label: string; text: string; src: string; hint?: string }) {
  return (
    <View className="card qr-card">
      <Text className="field">{label}</Text>
      <Text className="big qr-text" selectable>
        {text}
      </Text>
      <Image
        className="qr-image"
        src={src}
        mode="aspectFit"
        style={{ width: '360rpx', height: '360rpx', display: 'block', margin: '16px auto' }}
      />
      {hint ? (
        <Text className="small" style={{ display: 'block' }}>
          {hint}
        </Text>
      ) : null}
    </View>
  );
}
