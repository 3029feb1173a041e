import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { problemContentType, ProblemDetails, problemFor } from './problem-details';

/** Every error leaves the API as `application/problem+json`. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problems');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request & { id?: unknown }>();
    const res = http.getResponse<Response>();
    const { retryAfterSeconds, unexpected, ...problem } = problemFor(error);
    if (unexpected) this.logger.error({ err: error }, `${req.method} ${req.path} failed unexpectedly`);
    if (res.headersSent) return;
    const body: ProblemDetails = {
      ...problem,
      instance: req.originalUrl ?? req.url,
      ...(typeof req.id === 'string' ? { requestId: req.id } : {}),
    };
    if (retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(retryAfterSeconds));
    res.status(problem.status).type(problemContentType).send(JSON.stringify(body));
  }
}
