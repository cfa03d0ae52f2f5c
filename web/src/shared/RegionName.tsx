import { useEffect, useState } from 'react';
import { registryApi } from '../domains/registry/registry.api';

const names = new Map<string, Promise<string>>();

/** The full name of a region code ("山东省 / 潍坊市 / 寿光市 / 化龙镇"), looked up once per code; the code until known. */
export function RegionName({ code }: { code: string }) {
  const [found, setFound] = useState<{ code: string; name: string } | null>(null);

  useEffect(() => {
    let live = true;
    let name = names.get(code);
    if (!name) {
      name = registryApi.region(code).then((r) => (r.path.length ? r.path.map((p) => p.name).join(' / ') : r.name));
      name.catch(() => names.delete(code));
      names.set(code, name);
    }
    name.then((n) => live && setFound({ code, name: n }), () => undefined);
    return () => {
      live = false;
    };
  }, [code]);

  return <span title={code}>{found?.code === code ? found.name : code}</span>;
}
