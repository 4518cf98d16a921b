import {QuandaError} from '../api/api-error.js';
import type {Localizer, MessageKey} from './localizer.js';

/** A plain sentence for the reader saying why a request failed. */
export function describeError(i18n: Localizer, error: unknown): string {
  return i18n.t(errorKey(error));
}

function errorKey(error: unknown): MessageKey {
  if (!(error instanceof QuandaError)) return 'error.generic';
  switch (error.kind) {
    case 'network':
      return 'error.network';
    case 'timeout':
      return 'error.timeout';
    case 'invalid-response':
      return 'error.invalidResponse';
    case 'http':
      if (error.status === 404) return 'error.notFound';
      if (error.status === 429) return 'error.rateLimited';
      return (error.status ?? 0) >= 500 ? 'error.server' : 'error.generic';
  }
}
