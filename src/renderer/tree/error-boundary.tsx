/**
 * One error boundary per component: a view that throws shows an error box in its place and the
 * rest of the page keeps working. A new props object (`resetKey`) gives the view another try.
 */
import type { ErrorInfo, ReactNode } from 'react';
import { Component } from 'react';
import { ComponentError } from './component-error.js';

interface Props {
  readonly label: string;
  readonly resetKey: unknown;
  readonly onError?: ((message: string) => void) | undefined;
  readonly children?: ReactNode;
}

interface State {
  readonly error: Error | undefined;
  readonly resetKey: unknown;
}

export class ComponentErrorBoundary extends Component<Props, State> {
  override state: State = { error: undefined, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey === state.resetKey ? null : { error: undefined, resetKey: props.resetKey };
  }

  override componentDidCatch(error: unknown, _info: ErrorInfo): void {
    this.props.onError?.(error instanceof Error ? error.message : String(error));
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (error) return <ComponentError title={`Error rendering ${this.props.label}`} message={error.message} />;
    return this.props.children;
  }
}
