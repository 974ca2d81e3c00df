// The baseline for the tracked-link bench: bare restify (the version Chorus uses) with
// one route answering the same 302 Chorus answers, looked up in memory. Nothing else.
// PORT: where to listen on loopback. BENCH_LOCATIONS: JSON {code: Location}.
import restify from 'restify';

const locations = new Map(Object.entries(JSON.parse(process.env.BENCH_LOCATIONS ?? '{}')));
const server = restify.createServer();

server.get('/l/:code', (req, res, next) => {
  const location = locations.get(req.params.code);
  res.writeHead(location ? 302 : 404, location ? { Location: location } : {});
  res.end();
  next();
});

server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
