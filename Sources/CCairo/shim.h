#ifndef TINYGAN_CCAIRO_SHIM_H
#define TINYGAN_CCAIRO_SHIM_H
// Cairo's image (PNG) and SVG surfaces; nothing else of Cairo is used.
#include <cairo/cairo.h>
#include <cairo/cairo-svg.h>
#endif
