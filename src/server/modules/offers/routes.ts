import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Uuid } from '../../../shared/api.ts';
import {
  type OfferKind,
  OfferPresentation,
  OfferSearchQuery,
  OfferSearchResult,
  Publication,
  PublishBody,
} from '../../../shared/offers.ts';
import { contentDisposition } from '../../platform/files/index.ts';
import { inContext, on } from '../../platform/http/access.ts';
import { memoSearch } from './cache.ts';
import { catalogueCsv, cataloguePdf, exportedOffers } from './export.ts';
import { offerCapabilities as caps } from './policy.ts';
import { searchOffers } from './search.ts';
import { findOffer, offerPresentation, publicationOf, publishCourse, withdrawCourse } from './service.ts';

const IdParams = z.object({ id: Uuid });
const NumberParams = z.object({ number: z.coerce.number().int().min(1).max(2_147_483_647) });
const INDEX_HTML = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../dist/web/index.html',
);

/**
 * The offer: publication of a course (designers), the public catalogue search and presentation, and the
 * short links `/f<number>` (training offer) and `/p<number>` (course offer).
 */
export const offerRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app.deps;
  const tags = ['offre'];

  app.get(
    '/api/courses/:id/publication',
    {
      config: on(caps['offer:publish'], inContext('course')),
      schema: { tags, params: IdParams, response: { 200: Publication } },
    },
    async (request) => publicationOf(db, request.params.id),
  );

  app.post(
    '/api/courses/:id/publication',
    {
      config: on(caps['offer:publish'], inContext('course')),
      schema: { tags, params: IdParams, body: PublishBody.optional(), response: { 200: Publication } },
    },
    async (request) => publishCourse(request.ctx, request.params.id, request.body ?? {}),
  );

  app.delete(
    '/api/courses/:id/publication',
    {
      config: on(caps['offer:publish'], inContext('course')),
      schema: { tags, params: IdParams, response: { 200: Publication } },
    },
    async (request) => withdrawCourse(request.ctx, request.params.id),
  );

  app.get(
    '/api/offers',
    {
      config: { access: 'public' },
      schema: { tags, querystring: OfferSearchQuery, response: { 200: OfferSearchResult } },
    },
    async (request) => memoSearch(request.query, () => searchOffers(db, request.query)),
  );

  // Downloads of the current search (every page, up to the cap). Building a PDF of 2,000 offers costs
  // a moment of CPU: a public route keeps a tighter rate than the search.
  const exportOptions = {
    config: { access: 'public' as const, rateLimit: { max: 20, timeWindow: '1 minute' } },
    schema: { tags, querystring: OfferSearchQuery },
  };
  const fileName = (kind: OfferKind, extension: string, now: Date) =>
    `${kind === 'training' ? 'offre-de-formation' : 'offre-de-parcours'}-${now.toISOString().slice(0, 10)}.${extension}`;
  app.get('/api/offers/export.csv', exportOptions, async (request, reply) => {
    const exported = await exportedOffers(db, request.query);
    return reply
      .type('text/csv; charset=utf-8')
      .header(
        'content-disposition',
        contentDisposition(fileName(request.query.kind, 'csv', request.ctx.now), 'attachment'),
      )
      .send(catalogueCsv(request.t, exported, config.publicUrl));
  });
  app.get('/api/offers/export.pdf', exportOptions, async (request, reply) => {
    const exported = await exportedOffers(db, request.query);
    return reply
      .type('application/pdf')
      .header(
        'content-disposition',
        contentDisposition(fileName(request.query.kind, 'pdf', request.ctx.now), 'attachment'),
      )
      .send(await cataloguePdf(request.t, request.query, exported, config.publicUrl, request.ctx.now));
  });

  app.get(
    '/api/offers/:number',
    {
      config: { access: 'public' },
      schema: { tags, params: NumberParams, response: { 200: OfferPresentation } },
    },
    async (request) => offerPresentation(db, request.auth?.actor ?? null, request.params.number),
  );

  // Short links, printed on paper and in mails: they stay valid forever, a withdrawn offer included
  // (its page says it was withdrawn). Anything that begins like one (the letter, then a digit) is answered
  // here, so a mistyped `/f103x` gets a 404 like an unknown number, not the web app's page with a 200;
  // `/favicon.ico`, `/profil` or `/parcours/…` never begin with a digit after the letter.
  const shortLink = (kind: OfferKind) => async (request: FastifyRequest, reply: FastifyReply) => {
    const { code } = request.params as { code: string };
    const found = /^\d{1,9}$/.test(code) ? await findOffer(db, Number(code)) : null;
    if (found?.offer.kind === kind) return reply.redirect(`/offres/${found.offer.number}`, 302);
    return notFoundPage(reply);
  };
  const shortLinkOptions = { config: { access: 'public' as const }, schema: { hide: true } };
  app.get('/f:code(^\\d.*$)', shortLinkOptions, shortLink('training'));
  app.get('/p:code(^\\d.*$)', shortLinkOptions, shortLink('course'));
};

/** The web app's own "page not found" (it renders it for a path it does not know), with a 404 status. */
async function notFoundPage(reply: FastifyReply) {
  const html = await readFile(INDEX_HTML, 'utf8').catch(() => null);
  if (html === null) return reply.callNotFound();
  return reply.status(404).header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(html);
}
