// What other areas may use of training. Nothing yet: its records are read by goals' metric evaluator.
export {};
