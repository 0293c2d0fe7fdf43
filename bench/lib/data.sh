# Sourced by bench scripts.
#   mnist_dir ROOT   prints the folder of the MNIST files (mnist8k-images-idx3-ubyte.gz, mnist8k-labels-idx1-ubyte.gz):
#                    examples/mnist in the repository, else the shared datasets folder beside it.
mnist_dir() {
  local root=$1
  if [ -f "$root/examples/mnist/mnist8k-images-idx3-ubyte.gz" ]; then
    echo "$root/examples/mnist"
  else
    echo "$root/../shared/datasets/mnist"
  fi
}
