package org.convlab.lesson.xo;

import org.convlab.lesson.Matrix;

/** One way of drawing a letter, with a short caption for the lesson page. */
public record Rendition(String id, String title, String caption, Matrix image) {}
