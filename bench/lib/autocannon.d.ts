// autocannon 8 ships no types; this declares the part of its API bench/lib/load-worker.ts uses.
declare module "autocannon" {
  namespace autocannon {
    interface Request {
      method?: string;
      path?: string;
      headers?: Record<string, string>;
      body?: string;
      setupRequest?: (req: Request, context: Record<string, unknown>) => Request;
    }
    interface Options {
      url: string;
      method?: string;
      connections?: number;
      duration?: number;
      pipelining?: number;
      headers?: Record<string, string>;
      requests?: Request[];
      setupClient?: (client: unknown) => void;
      verifyBody?: (body: string) => boolean;
    }
    interface Result {
      requests: { sent: number; average: number; total: number };
      non2xx: number;
      errors: number;
      timeouts: number;
      /** Seconds. */
      duration: number;
    }
  }
  function autocannon(opts: autocannon.Options): Promise<autocannon.Result>;
  export = autocannon;
}
