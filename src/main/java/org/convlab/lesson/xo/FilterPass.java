package org.convlab.lesson.xo;

import org.convlab.lesson.ActivationTrace;
import org.convlab.lesson.ConvolutionTrace;
import org.convlab.lesson.PoolingTrace;

/** One filter's path through the X/O network: convolution, ReLU, pooling, and pooling again. */
public record FilterPass(
        Filter filter, ConvolutionTrace convolution, ActivationTrace relu, PoolingTrace pool, PoolingTrace pool2) {}
