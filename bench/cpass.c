/* W2's plain C reference: the same priority pass (totals only) over the same typed arrays as
   src/engine/regimes/priority.ts's hot loop (countPass), in the same int32 layout (four slots a
   kind: c, the units a threatened member spends, the threatened count, padding) and the same
   steps: four ranks a step with no test while the budget covers four of the costliest trials,
   then one a step with no test while it covers one, then the test per rank until the budget fits
   nobody; then each kind's members counted at once. Also the textbook pass (every rank, every outcome summed as it comes),
   the loop the engine ran before, for comparison. Reads bench data from the file argv[1]
   (int32 N, K, passes; int32 kindOf[N], ranking[N]; double c[K], w[K], offer0[K], offer1[K],
   budget; uint8 plead0[K], plead1[K], covered[K]) and prints nanoseconds per pass (the engine's
   loop), a checksum, and nanoseconds per pass of the textbook loop. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e9 + ts.tv_nsec;
}

int main(int argc, char **argv) {
  if (argc < 2) return 2;
  FILE *f = fopen(argv[1], "rb");
  if (!f) return 2;
  int32_t hdr[3];
  if (fread(hdr, 4, 3, f) != 3) return 2;
  int32_t N = hdr[0], K = hdr[1], passes = hdr[2];
  int32_t *kindOf = malloc(4 * (size_t)N), *ranking = malloc(4 * (size_t)N);
  double *c = malloc(8 * (size_t)K), *w = malloc(8 * (size_t)K), *offer0 = malloc(8 * (size_t)K),
         *offer1 = malloc(8 * (size_t)K), budget;
  uint8_t *plead0 = malloc(K), *plead1 = malloc(K), *covered = malloc(K);
  if (fread(kindOf, 4, N, f) != (size_t)N || fread(ranking, 4, N, f) != (size_t)N ||
      fread(c, 8, K, f) != (size_t)K || fread(w, 8, K, f) != (size_t)K ||
      fread(offer0, 8, K, f) != (size_t)K || fread(offer1, 8, K, f) != (size_t)K ||
      fread(&budget, 8, 1, f) != 1 || fread(plead0, 1, K, f) != (size_t)K ||
      fread(plead1, 1, K, f) != (size_t)K || fread(covered, 1, K, f) != (size_t)K)
    return 2;
  fclose(f);
  double minC = 1e300;
  double *count = calloc((size_t)K, sizeof(double));
  for (int32_t i = 0; i < N; i++) count[kindOf[i]]++;
  for (int32_t k = 0; k < K; k++)
    if (count[k] > 0 && c[k] < minC) minC = c[k];
  double maxC = 0;
  for (int32_t k = 0; k < K; k++)
    if (count[k] > 0 && c[k] > maxC) maxC = c[k];
  /* The engine's layout: four int32 slots a kind (c, units a threatened member spends, threatened
     count, padding); trial costs and budgets are integers of at most 1e9. */
  int32_t *lane = malloc(16 * (size_t)K);
  double best = 1e300, check = 0;
  for (int rep = 0; rep < 7; rep++) {
    double t0 = now_ns();
    for (int p = 0; p < passes; p++) {
      for (int32_t k = 0; k < K; k++) {
        lane[4 * k] = (int32_t)c[k];
        lane[4 * k + 1] = plead1[k] == 1 ? 0 : (int32_t)c[k];
        lane[4 * k + 2] = 0;
      }
      int32_t b = (int32_t)budget, lo = (int32_t)minC, hi = (int32_t)maxC;
      int32_t t = 0, first = -1;
      /* While the budget covers four of the costliest trials, four ranks a step, no test. */
      if (4.0 * hi <= 2147483647.0)
        for (; t < N - 3 && b >= 4 * hi; t += 4) {
          int32_t j0 = kindOf[ranking[t]] << 2, j1 = kindOf[ranking[t + 1]] << 2;
          int32_t j2 = kindOf[ranking[t + 2]] << 2, j3 = kindOf[ranking[t + 3]] << 2;
          lane[j0 + 2]++;
          lane[j1 + 2]++;
          lane[j2 + 2]++;
          lane[j3 + 2]++;
          b = b - lane[j0 + 1] - lane[j1 + 1] - lane[j2 + 1] - lane[j3 + 1];
        }
      for (; t < N && b >= hi; t++) {
        int32_t j = kindOf[ranking[t]] << 2;
        lane[j + 2]++;
        b -= lane[j + 1];
      }
      for (; t < N && b >= lo; t++) {
        int32_t j = kindOf[ranking[t]] << 2;
        if (lane[j] <= b) {
          lane[j + 2]++;
          b -= lane[j + 1];
        } else if (first < 0)
          first = t + 1;
      }
      int32_t stopRank = first > 0 ? first : t < N ? t + 1 : -1;
      double pleas = 0, trials = 0, take = 0, coveredTried = 0, coveredFree = 0, threatened = 0;
      for (int32_t k = 0; k < K; k++) {
        double th = lane[4 * k + 2], rest = count[k] - th;
        threatened += th;
        if (plead1[k] == 1) {
          pleas += th;
          take += th * offer1[k];
        } else {
          trials += th;
          take += th * w[k];
          coveredTried += th * covered[k];
        }
        if (plead0[k] == 1) {
          pleas += rest;
          take += rest * offer0[k];
        } else
          coveredFree += rest * covered[k];
      }
      check += take + pleas + trials + coveredTried + coveredFree + stopRank + threatened + b;
    }
    double ns = (now_ns() - t0) / passes;
    if (ns < best) best = ns;
  }
  double bestPlain = 1e300;
  for (int rep = 0; rep < 7; rep++) {
    double t0 = now_ns();
    for (int p = 0; p < passes; p++) {
      double b = budget, take = 0;
      int32_t pleas = 0, trials = 0, coveredTried = 0, coveredFree = 0, stopRank = -1, threatened = 0;
      for (int32_t t = 0; t < N; t++) {
        int32_t kind = kindOf[ranking[t]];
        double ci = c[kind];
        if (ci <= b) {
          threatened++;
          if (plead1[kind] == 1) {
            pleas++;
            take += offer1[kind];
          } else {
            trials++;
            take += w[kind];
            b -= ci;
            coveredTried += covered[kind];
          }
        } else {
          if (stopRank < 0) stopRank = t + 1;
          if (plead0[kind] == 1) {
            pleas++;
            take += offer0[kind];
          } else
            coveredFree += covered[kind];
        }
      }
      check += take + pleas + trials + coveredTried + coveredFree + stopRank + threatened + b;
    }
    double ns = (now_ns() - t0) / passes;
    if (ns < bestPlain) bestPlain = ns;
  }
  printf("%.1f %.6g %.1f\n", best, check, bestPlain);
  return 0;
}
