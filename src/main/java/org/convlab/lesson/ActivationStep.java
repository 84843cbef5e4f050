package org.convlab.lesson;

/** One cell through an activation: its position, the value going in and the value coming out. */
public record ActivationStep(Cell cell, double input, double output) {}
