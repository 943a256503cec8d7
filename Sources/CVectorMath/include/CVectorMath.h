#ifndef TINYGAN_CVECTORMATH_H
#define TINYGAN_CVECTORMATH_H

#include <stddef.h>

/// out[i] = sqrt(in[i]) for i < count: IEEE square roots, correctly rounded,
/// the same values as Swift's `squareRoot()`. Compiled without errno
/// (`-fno-math-errno`), so the loop vectorizes; Swift's `squareRoot()` on
/// Linux keeps a call to libm's sqrtf for negative inputs, which keeps its
/// loops scalar. `in` and `out` may be the same buffer.
void tinygan_sqrt_floats(const float *in, float *out, size_t count);
void tinygan_sqrt_doubles(const double *in, double *out, size_t count);

#endif
