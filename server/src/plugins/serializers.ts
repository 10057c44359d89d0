import { isDeepStrictEqual } from 'node:util';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';

type SerializerCompiler = typeof zodSerializerCompiler;

/**
 * How responses become JSON. Services build every response with a presenter that lists its
 * fields, so in production the body goes straight to JSON.stringify: encoding a source with its
 * highlights through zod cost a quarter of that request's CPU (measured with `npm run bench`).
 */
export const fastSerializerCompiler: SerializerCompiler = () => (data) => JSON.stringify(data);

/**
 * For the test suite and development (`CHECK_RESPONSES=true`): the response must already be
 * exactly what its schema describes. zod would quietly drop an unlisted field or fill in a
 * default; here any such difference fails the request, so production's shortcut is safe.
 */
export const checkingSerializerCompiler: SerializerCompiler = (route) => {
  const encode = zodSerializerCompiler(route);
  return (data) => {
    const encoded = encode(data);
    const sent = JSON.stringify(data);
    if (!isDeepStrictEqual(JSON.parse(encoded), JSON.parse(sent))) {
      throw new Error(`${route.method} ${route.url}: the response differs from its schema's encoding (an unlisted field, or a missing default)`);
    }
    return sent;
  };
};
