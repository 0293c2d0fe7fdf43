/** A registered ONNX program read, checked against its model's contract and run with ONNX Runtime. */
package dev.samuel.programs;
