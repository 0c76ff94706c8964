"""run_tests_on_gpu as a job: start, poll, cancel; the transport (local, later ssh/slurm) is replaceable."""
