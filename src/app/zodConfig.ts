// Imported first by main.tsx (module order): the editor validates drafts on this thread with
// zod, whose JIT probe (`Function('')`) the Content-Security-Policy refuses and reports as an
// error. Run zod without it.
import { z } from 'zod';

z.config({ jitless: true });
