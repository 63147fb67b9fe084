// A visit photo from /files/...: the route wants the bearer token, which an <img src> cannot send,
// so the photo is fetched with the console's token and shown from a blob URL.
import { Image } from 'antd';
import { useEffect, useState } from 'react';
import { fetchFile } from '../api/client';

export function AuthImage({ src, width = 96 }: { src: string; width?: number }) {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    let made: string | undefined;
    fetchFile(src).then(
      ({ blob }) => setUrl((made = URL.createObjectURL(blob))),
      () => setUrl(undefined),
    );
    return () => {
      if (made) URL.revokeObjectURL(made);
    };
  }, [src]);
  return url ? <Image src={url} width={width} alt="服务照片" /> : <span style={{ color: '#999' }}>照片加载中</span>;
}
