import { Image, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { photoSrc } from '../api/client';
import { ErrorText } from './ErrorText';

/** On H5 photos are blob: URLs holding the image in memory until released. */
const revoke = (srcs: string[]) => srcs.filter((s) => s.startsWith('blob:')).forEach((s) => URL.revokeObjectURL(s));

/** Visit photos as images (fetched with the caller's token), never as paths; tap to enlarge. */
export function Photos({ urls, id = 'photos' }: { urls: string[]; id?: string }) {
  const [srcs, setSrcs] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    let made: string[] = [];
    Promise.all(urls.map(photoSrc))
      .then((s) => {
        made = s;
        if (live) setSrcs(s);
        else revoke(s);
      })
      .catch((err) => live && setError(err));
    return () => {
      live = false;
      revoke(made);
    };
  }, [urls.join('|')]);
  if (!urls.length) return null;
  return (
    <View className="row photos" id={id} style={{ justifyContent: 'flex-start' }}>
      {srcs.map((src) => (
        <Image
          key={src}
          className="photo"
          src={src}
          mode="aspectFill"
          onClick={() => void Taro.previewImage({ urls: srcs, current: src })}
        />
      ))}
      <ErrorText error={error} />
    </View>
  );
}
