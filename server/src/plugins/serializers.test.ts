import Fastify from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkingSerializerCompiler, fastSerializerCompiler } from './serializers.js';

const ThingSchema = z.object({ id: z.string(), tags: z.array(z.object({ name: z.string() })), note: z.string().nullable().default(null) });

/** A one-route app answering `body`, serialized by `compiler`. */
async function answer(compiler: typeof fastSerializerCompiler, body: unknown) {
  const app = Fastify().withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(compiler);
  app.get('/thing', { schema: { response: { 200: ThingSchema } } }, async () => body as z.infer<typeof ThingSchema>);
  const response = await app.inject({ method: 'GET', url: '/thing' });
  await app.close();
  return response;
}

describe('response serializers', () => {
  it('checking: sends a response that is exactly its schema', async () => {
    const response = await answer(checkingSerializerCompiler, { id: 'a', tags: [{ name: 'x' }], note: null });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ id: 'a', tags: [{ name: 'x' }], note: null });
  });

  it('checking: fails a response with an unlisted field, even nested, or one that relies on a default', async () => {
    expect((await answer(checkingSerializerCompiler, { id: 'a', tags: [], note: null, passwordHash: 'secret' })).statusCode).toBe(500);
    expect((await answer(checkingSerializerCompiler, { id: 'a', tags: [{ name: 'x', internal: 1 }], note: null })).statusCode).toBe(500);
    expect((await answer(checkingSerializerCompiler, { id: 'a', tags: [] })).statusCode).toBe(500);
    expect((await answer(checkingSerializerCompiler, { id: 1, tags: [], note: null })).statusCode).toBe(500);
  });

  it('fast: sends what the handler built, unchecked', async () => {
    const response = await answer(fastSerializerCompiler, { id: 'a', tags: [], note: null });
    expect(response.json()).toEqual({ id: 'a', tags: [], note: null });
  });
});
