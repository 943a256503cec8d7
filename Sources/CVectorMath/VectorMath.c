#include "CVectorMath.h"
#include <math.h>

void tinygan_sqrt_floats(const float *in, float *out, size_t count) {
    for (size_t i = 0; i < count; i++) out[i] = sqrtf(in[i]);
}

void tinygan_sqrt_doubles(const double *in, double *out, size_t count) {
    for (size_t i = 0; i < count; i++) out[i] = sqrt(in[i]);
}
